package fr.asp.segur.application.deposit;

import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.funding.FundingRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account's funding requests, downloaded as JSON or CSV. Each request carries its line under the
 * deposit format's own names (appel, enrolement, identifiant, nom, tranche, dateSignatureBonDeCommande,
 * montantHt), so that a new deposit can be prepared from a previous one, plus what the portal added
 * (numero, etat, montants retenu / avance / solde, depot).
 */
@Stateless
@PermitAll
public class FundingExport {

    static final String[] COLUMNS = {"numero", "appel", "enrolement", "identifiant", "nom", "tranche",
            "dateSignatureBonDeCommande", "montantHt", "etat", "montantRetenuHt", "avanceHt", "soldeHt", "depot",
            "deposeeLe"};
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int PAGE = 1000;

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /** The requests of the given companies (already checked to be the account's), oldest first. */
    public byte[] export(Set<String> sirets, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if ("csv".equals(format)) {
                csv(sirets, out);
            } else {
                json(sirets, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The companies an export may cover: the account's, or the one asked if it is the account's. */
    public Set<String> scope(Account account, String siret) {
        if (siret == null || siret.isBlank()) {
            return account.getCompanies();
        }
        if (!account.getCompanies().contains(siret.strip())) {
            throw new ApiAccessException(ApiAccessException.Reason.FOREIGN_COMPANY,
                    "Votre compte n'a pas accès à la société " + siret.strip() + ".");
        }
        return Set.of(siret.strip());
    }

    private void json(Set<String> sirets, ByteArrayOutputStream out) {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("version", 1);
            g.writeArrayPropertyStart("demandes");
            forEach(sirets, row -> {
                g.writeStartObject();
                for (int i = 0; i < COLUMNS.length; i++) {
                    if (row[i] == null) {
                        continue;
                    }
                    if (COLUMNS[i].startsWith("montant") || COLUMNS[i].endsWith("Ht")) {
                        g.writeName(COLUMNS[i]);
                        g.writeNumber(new java.math.BigDecimal(row[i]));
                    } else {
                        g.writeStringProperty(COLUMNS[i], row[i]);
                    }
                }
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void csv(Set<String> sirets, ByteArrayOutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // A BOM so that a spreadsheet opens the accents right; ';' as French spreadsheets expect.
        writer.write('\ufeff');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader(COLUMNS).get())) {
            forEach(sirets, row -> {
                try {
                    printer.printRecord((Object[]) row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private interface RowConsumer {
        void accept(String[] row);
    }

    private void forEach(Set<String> sirets, RowConsumer consumer) {
        if (sirets.isEmpty()) {
            return;
        }
        long after = 0;
        while (true) {
            List<FundingRequest> page = em.createQuery("select r from FundingRequest r where r.supplierSiret in :s "
                            + "and r.id > :after order by r.id", FundingRequest.class)
                    .setParameter("s", sirets).setParameter("after", after).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                return;
            }
            List<Long> enrolmentIds = page.stream().map(FundingRequest::getEnrolmentRequestId).distinct().toList();
            java.util.Map<Long, String> enrolments = new java.util.HashMap<>();
            for (Object[] e : em.createQuery("select r.id, r.requestNumber from EnrolmentRequest r where r.id in :ids",
                    Object[].class).setParameter("ids", enrolmentIds).getResultList()) {
                enrolments.put((Long) e[0], (String) e[1]);
            }
            for (FundingRequest r : page) {
                var amounts = r.amounts();
                consumer.accept(new String[] {r.getRequestNumber(), r.getCall().getCode(),
                        enrolments.get(r.getEnrolmentRequestId()), r.client().identifier(), r.client().name(),
                        r.getCeilingTranche(), r.getOrderSignedOn().format(DateTimeFormatter.ISO_LOCAL_DATE),
                        amounts.orderHt().value().toPlainString(), r.getStatus().label(),
                        amounts.grantedHt().value().toPlainString(), amounts.avanceHt().value().toPlainString(),
                        amounts.soldeHt().value().toPlainString(),
                        r.getDepositId() == null ? null : r.getDepositId().toString(),
                        r.getFiledAt().withNano(0).toString()});
                after = r.getId();
            }
            em.clear();
        }
    }
}
