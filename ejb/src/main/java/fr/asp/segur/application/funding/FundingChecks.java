package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.model.Finess;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.Rpps;
import fr.asp.segur.domain.model.Siret;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The filing rules that need no database: formats of what the supplier types and the call's windows.
 * {@link FundingRules} applies them with the ones that read the database; each message is here once.
 * Every method throws {@link InvalidValueException} naming the form's field.
 */
public final class FundingChecks {

    public static final String CALL = "callCode";
    public static final String ENROLMENT = "enrolmentRequestId";
    public static final String CLIENT_IDENTIFIER = "clientIdentifier";
    public static final String CLIENT_NAME = "clientName";
    public static final String TRANCHE = "ceilingTranche";
    public static final String SIGNED_ON = "orderSignedOn";
    public static final String AMOUNT = "orderAmountHt";

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu 'à' HH:mm");
    static final int MAX_NAME = 200;

    private FundingChecks() {
    }

    /** The avance window, exact to the minute (start and end minutes included). */
    public static void requireOpenForAvances(FundingCall call, LocalDateTime now) {
        if (now.isBefore(call.getOrderWindowStart())) {
            throw new InvalidValueException(CALL, "L'appel à financement " + call.getCode()
                    + " n'est pas encore ouvert : les demandes d'avance y sont reçues à partir du "
                    + MINUTE.format(call.getOrderWindowStart()) + ".");
        }
        if (!call.openForAvances(now)) {
            throw new InvalidValueException(CALL, "L'appel à financement " + call.getCode() + " est clos depuis le "
                    + MINUTE.format(call.getOrderWindowEnd()) + " : les demandes d'avance n'y sont plus reçues.");
        }
    }

    /** The solde deadline, exact to the minute (the deadline's minute included). */
    public static void requireOpenForSoldes(FundingCall call, LocalDateTime now) {
        if (!call.openForSoldes(now)) {
            throw new InvalidValueException("solde", "La date limite de dépôt des demandes de solde de l'appel "
                    + call.getCode() + " était le " + MINUTE.format(call.getSoldeDeadline())
                    + " : la demande de solde n'est plus recevable.");
        }
    }

    /** The client's identifier in the kind the call funds, normalised (spaces removed, Corsica's letter upper case). */
    public static String clientIdentifier(ClientKind kind, String raw) {
        try {
            return switch (kind) {
                case FINESS -> Finess.of(raw).value();
                case RPPS -> Rpps.of(raw).value();
                case SIRET -> Siret.of(raw).value();
            };
        } catch (InvalidValueException e) {
            throw new InvalidValueException(CLIENT_IDENTIFIER, e.getMessage());
        }
    }

    /** The client's name as typed, spaces collapsed; required, at most 200 characters. */
    public static String clientName(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidValueException(CLIENT_NAME, "Le nom du client est obligatoire.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidValueException(CLIENT_NAME, "Le nom du client ne doit pas dépasser " + MAX_NAME
                    + " caractères.");
        }
        return name;
    }

    /** The order form's signature date, typed dd/MM/yyyy. */
    public static LocalDate orderSignedOn(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException(SIGNED_ON, "La date de signature du bon de commande est obligatoire.");
        }
        try {
            return LocalDate.parse(typed.strip(), DAY);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(SIGNED_ON,
                    "La date de signature du bon de commande doit être une date au format jj/mm/aaaa, par exemple 15/01/2027.");
        }
    }

    /** The order form was signed inside the call's window, and not after today (Paris). */
    public static void requireSignedInWindow(FundingCall call, LocalDate signedOn, LocalDate today) {
        if (signedOn.isAfter(today)) {
            throw new InvalidValueException(SIGNED_ON,
                    "La date de signature du bon de commande ne peut pas être postérieure à aujourd'hui.");
        }
        if (!call.acceptsOrderSignedOn(signedOn)) {
            throw new InvalidValueException(SIGNED_ON, "Le bon de commande doit être signé pendant la période de l'appel "
                    + call.getCode() + ", du " + DAY.format(call.getOrderWindowStart()) + " au "
                    + DAY.format(call.getOrderWindowEnd()) + ".");
        }
    }
}
