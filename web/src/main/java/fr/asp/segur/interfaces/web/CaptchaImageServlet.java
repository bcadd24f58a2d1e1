package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.captcha.CaptchaService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Serves a captcha challenge's image; never cached, and nothing for a spent or expired challenge. */
@WebServlet("/captcha")
public class CaptchaImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private CaptchaService captcha;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<byte[]> image = captcha.image(request.getParameter("id"));
        response.setHeader("Cache-Control", "no-store");
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("image/png");
        response.setContentLength(image.get().length);
        response.getOutputStream().write(image.get());
    }
}
