package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.asp.segur.application.instruction.RequestFilter;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.application.instruction.RequestSort;
import fr.asp.segur.application.instruction.RequestSummary;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The list's pages read from the end (second half) hold exactly the rows OFFSET gives, in every sort and
 * direction, ties and missing agents included; the "Société contient" filter finds a fragment anywhere.
 */
@ExtendWith(ArquillianExtension.class)
class RequestPagingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(RequestPagingIT.class, Fixtures.class, People.class);
    }

    @EJB
    RequestQueries queries;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    /** Nine requests of one (fictitious) SIRET: three share a date, four have no agent, names differ. */
    private String requests() throws Exception {
        String siret = String.format("%014d", System.nanoTime() % 100_000_000_000_000L);
        String[] agents = {null, "b@asp-public.fr", null, "a@asp-public.fr", "c@asp-public.fr", null,
                "a@asp-public.fr", null, "b@asp-public.fr"};
        String[] statuses = {"SOUMISE", "EN_INSTRUCTION", "SOUMISE", "VALIDEE", "REJETEE", "SOUMISE",
                "EN_INSTRUCTION", "SOUMISE", "VALIDEE"};
        for (int i = 0; i < agents.length; i++) {
            Fixtures.execute(ds, "insert into enrolment_request (request_number, status, submitted_at, version, "
                    + "referencing_number, software_name, software_version, dsr_label, siret, denomination, street_type, "
                    + "street_name, postal_code, city, distributor, editor_name, filer_is_representative, iban, bic, "
                    + "account_holder, bank_domiciliation, commitments_accepted_at, assigned_agent) values (?, ?, "
                    + "timestamp '2026-01-01 10:00:00' + (? * interval '1' hour), 1, 'aafy63256', 'MY RADIO RIS', '1.1', "
                    + "'Radiologie / RIS / Vague 1', ?, ?, 'RUE', 'DE FIGUERAS', '13700', 'ST VICTORET', false, 'X', true, "
                    + "'FR7613135000800800267924623', 'CEPAFRPP313', 'X', 'X', current_timestamp, ?)",
                    "TST" + (System.nanoTime() % 1_000_000_000L), statuses[i], i < 3 ? 0 : i, siret,
                    "Clinique Pagination " + (char) ('A' + (i * 5) % 9), agents[i]);
        }
        return siret;
    }

    @Test
    void pagesReadFromTheEndHoldTheSameRowsAsOffsetPages() throws Exception {
        RequestFilter filter = new RequestFilter();
        filter.setSiret(requests());
        People.as(People.AGENT, () -> {
            long total = queries.count(filter);
            assertEquals(9, total);
            for (RequestSort sort : RequestSort.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    List<String> all = numbers(queries.page(filter, sort, ascending, 0, 100));
                    assertEquals(offsetPage(filter.getSiret(), sort, ascending, 0, 100), all,
                            sort + (ascending ? " asc" : " desc") + ", every row against SQL");
                    for (int size : new int[] {1, 2, 4}) {
                        List<String> paged = new ArrayList<>();
                        for (int first = 0; first < total; first += size) {
                            List<String> page = numbers(queries.page(filter, sort, ascending, first, size, total));
                            assertEquals(offsetPage(filter.getSiret(), sort, ascending, first, size), page,
                                    sort + (ascending ? " asc" : " desc") + ", rows " + first + "+" + size + " against SQL");
                            assertEquals(numbers(queries.page(filter, sort, ascending, first, size)), page,
                                    sort + (ascending ? " asc" : " desc") + ", rows " + first + "+" + size);
                            paged.addAll(page);
                        }
                        assertEquals(all, paged, sort + (ascending ? " asc" : " desc") + " by " + size);
                    }
                }
            }
        });
    }

    @Test
    void societeContainsFindsAFragmentAnywhereInTheName() throws Exception {
        String siret = requests();
        RequestFilter filter = new RequestFilter();
        filter.setSiret(siret);
        filter.setCompany("nique pagin");
        People.as(People.AGENT, () -> assertEquals(9, queries.count(filter)));
        filter.setCompany("pagination e");
        People.as(People.AGENT, () -> assertEquals(1, queries.count(filter)));
        filter.setCompany("zzzz");
        People.as(People.AGENT, () -> assertEquals(0, queries.count(filter)));
    }

    @Test
    void thePagersCountOfASocieteSearchStopsAfterTheCap() throws Exception {
        String siret = requests();
        RequestFilter filter = new RequestFilter();
        filter.setSiret(siret);
        People.as(People.AGENT, () -> assertEquals(queries.count(filter), queries.countForPager(filter, 3),
                "without a Société search the count is exact, whatever the cap"));
        filter.setCompany("nique pagin");
        People.as(People.AGENT, () -> {
            assertEquals(9, queries.countForPager(filter, 100), "under the cap: exact");
            assertEquals(9, queries.countForPager(filter, 9), "at the cap: exact");
            assertEquals(4, queries.countForPager(filter, 3), "over the cap: cap + 1, meaning more than the cap");
        });
    }

    /**
     * The reference: the page as a plain "ORDER BY column, id OFFSET LIMIT" in SQL gives it, independent of
     * RequestQueries (which reads the ids first, then the rows, and the second half from the end).
     */
    private List<String> offsetPage(String siret, RequestSort sort, boolean ascending, int first, int size)
            throws Exception {
        String column = switch (sort) {
            case SUBMITTED_AT -> "submitted_at";
            case REQUEST_NUMBER -> "request_number";
            case SIRET -> "siret";
            case DENOMINATION -> "denomination";
            case STATUS -> "status";
            case ASSIGNED_AGENT -> "assigned_agent";
        };
        String direction = ascending ? " asc" : " desc";
        List<String> numbers = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("select request_number from enrolment_request where siret = ? "
                     + "order by " + column + direction + ", id" + direction + " offset ? limit ?")) {
            st.setString(1, siret);
            st.setInt(2, first);
            st.setInt(3, size);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        return numbers;
    }

    private static List<String> numbers(List<RequestSummary> rows) {
        return rows.stream().map(RequestSummary::requestNumber).toList();
    }
}
