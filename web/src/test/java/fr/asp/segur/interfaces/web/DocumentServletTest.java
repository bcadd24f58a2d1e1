package fr.asp.segur.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The Content-Disposition of a supplier's file: its name can hold anything the supplier's system allowed. */
class DocumentServletTest {

    @Test
    void aPlainNameIsKeptAsItIs() {
        assertEquals("inline; filename=\"rib.pdf\"; filename*=UTF-8''rib.pdf",
                DocumentServlet.contentDisposition(true, "rib.pdf"));
        assertEquals("attachment; filename=\"rib.pdf\"; filename*=UTF-8''rib.pdf",
                DocumentServlet.contentDisposition(false, "rib.pdf"));
    }

    @Test
    void accentsAndSpacesKeepTheirExactFormInTheEncodedName() {
        assertEquals("attachment; filename=\"CNI D_Almeida Chlo_.png\"; "
                        + "filename*=UTF-8''CNI%20D%E2%80%99Almeida%20Chlo%C3%A9.png",
                DocumentServlet.contentDisposition(false, "CNI D\u2019Almeida Chloé.png"));
    }

    @Test
    void quotesSeparatorsAndLineBreaksCannotEscapeTheHeader() {
        String header = DocumentServlet.contentDisposition(true, "a\"b;c\\d/e\r\nSet-Cookie: x=1*.pdf");
        assertEquals("inline; filename=\"a_b_c_d_e__Set-Cookie: x=1*.pdf\"; "
                + "filename*=UTF-8''a%22b%3Bc%5Cd%2Fe%0D%0ASet-Cookie%3A%20x%3D1%2A.pdf", header);
        assertFalse(header.contains("\r") || header.contains("\n"));
    }

    @Test
    void aMissingNameBecomesDocument() {
        assertEquals("inline; filename=\"document\"; filename*=UTF-8''document",
                DocumentServlet.contentDisposition(true, " "));
    }
}
