package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.document.DocumentAccess;
import fr.asp.segur.application.document.OpenedDocument;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A supporting document of a request, for the back office: {@code /backoffice/document?id=…} shows it in the
 * browser (PDF and images), {@code &download=1} downloads it. web.xml's constraint on {@code /backoffice/*}
 * asks for a login first; {@link DocumentAccess} checks the role again and records each opening.
 * <p>
 * The bytes were uploaded by a supplier: they are served with the media type judged from their content, never
 * sniffed, never cached, and under a policy that lets them run nothing.
 */
@WebServlet("/backoffice/document")
public class DocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What the document inspector accepts; anything else is only ever downloaded. */
    private static final Set<String> SHOWN_INLINE = Set.of("application/pdf", "image/png", "image/jpeg");
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            + "plugin-types application/pdf; object-src 'self'; frame-ancestors 'self'";

    @EJB
    private DocumentAccess documents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        OpenedDocument document;
        try {
            document = documents.open(id);
        } catch (BusinessRuleException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        boolean inline = !"1".equals(request.getParameter("download")) && SHOWN_INLINE.contains(document.mediaType());
        String type = SHOWN_INLINE.contains(document.mediaType()) ? document.mediaType() : "application/octet-stream";
        response.setContentType(type);
        response.setHeader("Content-Disposition", contentDisposition(inline, document.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(document.content().length);
        response.getOutputStream().write(document.content());
    }

    /**
     * {@code inline} or {@code attachment}, with an ASCII fallback name (quotes, controls, separators and
     * non-ASCII characters replaced) and the exact name in RFC 5987 form.
     */
    static String contentDisposition(boolean inline, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        StringBuilder ascii = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%';
            ascii.append(safe ? c : '_');
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
