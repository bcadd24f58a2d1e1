package fr.asp.segur.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** clamd's answers as the client reads them; the exchange with a real clamd is ClamAvIT (ear). */
class ClamAvClientTest {

    @Test
    void ok_is_clean() throws Exception {
        assertThat(ClamAvClient.parse("stream: OK").clean()).isTrue();
    }

    @Test
    void found_names_the_signature() throws Exception {
        ClamAvClient.Verdict verdict = ClamAvClient.parse("stream: Eicar-Test-Signature FOUND");

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.signature()).isEqualTo("Eicar-Test-Signature");
    }

    @Test
    void an_error_is_not_a_verdict() {
        assertThatThrownBy(() -> ClamAvClient.parse("INSTREAM size limit exceeded. ERROR"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ClamAvClient.parse("UNKNOWN COMMAND")).isInstanceOf(IOException.class);
    }

    @Test
    void nobody_listening_fails_closed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ClamAvClient client = new ClamAvClient("127.0.0.1", port, 2_000);

        assertThat(client.ping()).isFalse();
        assertThatThrownBy(() -> client.scan(new byte[] {1, 2, 3})).isInstanceOf(IOException.class);
    }

    @Test
    void a_server_that_accepts_but_never_answers_times_out() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            ClamAvClient client = new ClamAvClient("127.0.0.1", silent.getLocalPort(), 500);

            assertThatThrownBy(() -> client.scan(new byte[] {1, 2, 3})).isInstanceOf(IOException.class);
        }
    }
}
