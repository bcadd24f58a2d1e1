package fr.asp.segur.domain.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SupportTicketTest {

    private static SupportTicket ticket() {
        return new SupportTicket(SupportTicket.number(2026, 123), Couloir.OFFICINE, SupportPhase.ENROLEMENT,
                new SupportTicket.Contact("Petit", "Jules", "jules@pharmacie.fr", "0326212121"), null,
                "Question", LocalDateTime.of(2026, 3, 4, 9, 0));
    }

    @Test
    void theNumberNamesTheYearAndSixDigitsOfTheSequence() {
        assertThat(SupportTicket.number(2026, 123)).isEqualTo("AST-2026-000123");
        assertThat(SupportTicket.number(2027, 1_234_567)).isEqualTo("AST-2027-1234567");
    }

    @Test
    void anOpenTicketIsAnsweredThenClosedAndThenNeitherAgain() {
        SupportTicket ticket = ticket();
        assertThat(ticket.isOpen()).isTrue();
        ticket.answer("agent@asp-public.fr", "Réponse", LocalDateTime.of(2026, 3, 4, 10, 0));
        assertThat(ticket.getAnswers()).singleElement()
                .satisfies(a -> assertThat(a.getAuthor()).isEqualTo("agent@asp-public.fr"));
        ticket.close("agent@asp-public.fr", LocalDateTime.of(2026, 3, 4, 11, 0));
        assertThat(ticket.getStatus()).isEqualTo(SupportTicket.Status.CLOS);
        assertThat(ticket.getClosedBy()).isEqualTo("agent@asp-public.fr");
        assertThatThrownBy(() -> ticket.answer("agent@asp-public.fr", "Encore", LocalDateTime.now()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ticket.close("agent@asp-public.fr", LocalDateTime.now()))
                .isInstanceOf(IllegalStateException.class);
    }
}
