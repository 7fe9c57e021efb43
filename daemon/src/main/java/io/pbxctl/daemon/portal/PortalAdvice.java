package io.pbxctl.daemon.portal;

import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.system.Gone;
import io.pbxctl.daemon.system.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * What every portal page shares: the logged-in caller and the languages for the header, form
 * fields left empty read as absent (as a JSON client leaves them out), and refusals shown as
 * pages in the reader's language rather than the API's problem+json.
 */
@ControllerAdvice(annotations = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    @InitBinder
    void emptyAsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }

    @ModelAttribute("me")
    Caller me() {
        return current();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return PortalLanguages.SUPPORTED;
    }

    @ExceptionHandler(Forbidden.class)
    String forbidden(HttpServletResponse response, Model model) {
        return error(response, model, HttpServletResponse.SC_FORBIDDEN, "error.page.forbidden");
    }

    /** A path whose id is not a number names no object, like an id that does not exist. */
    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletResponse response, Model model) {
        return error(response, model, HttpServletResponse.SC_NOT_FOUND, "error.page.notFound");
    }

    @ExceptionHandler(Gone.class)
    String gone(HttpServletResponse response, Model model) {
        return error(response, model, HttpServletResponse.SC_GONE, "error.page.gone");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        return error(response, model, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.page.tooLarge");
    }

    /**
     * The browser went away mid-answer: an audio player drops the byte ranges it no longer needs
     * when the listener seeks. Nothing is wrong and nobody is left to answer.
     * Taking the response tells Spring the answer is complete, so no error page is rendered.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletResponse response) {
        log.debug("the client closed the connection: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        log.error("Unexpected error while serving a portal page", e);
        return error(response, model, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error.page.internal");
    }

    private static String error(HttpServletResponse response, Model model, int status, String key) {
        response.setStatus(status);
        model.addAttribute("me", current());
        model.addAttribute("languages", PortalLanguages.SUPPORTED);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", key);
        return "portal/error";
    }

    private static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }
}
