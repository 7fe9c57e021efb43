package io.pbxctl.daemon.portal;

import io.pbxctl.daemon.system.Conflict;
import io.pbxctl.daemon.system.ConstraintMessages;
import io.pbxctl.daemon.system.FieldProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Runs a form's change through the daemon's own services and turns every refusal the API would
 * answer with (a broken annotation rule, a FieldProblem, a Conflict, a database constraint) into
 * a message next to its field, in the reader's language. Keys are error.FIELD.RULE, then
 * error.RULE; the API's English text shows only when neither exists (a test keeps that from
 * happening for the portal's forms).
 */
@Component
public class PortalForms {

    public static final String CONFLICT = "Conflict";
    public static final String CONCURRENT = "Concurrent";

    private final MessageSource messages;

    PortalForms(MessageSource messages) {
        this.messages = messages;
    }

    /** True when the change was made; false when it was refused, the reasons being in the model as "errors". */
    public boolean submit(BindingResult binding, Model model, Runnable change) {
        FieldMessages errors = new FieldMessages();
        for (FieldError error : binding.getFieldErrors()) {
            errors.add(error.getField(), translate(error.getField(), error.getCode(), error.getDefaultMessage()));
        }
        if (errors.isEmpty()) {
            try {
                change.run();
                return true;
            } catch (FieldProblem problem) {
                errors.add(problem.field(), translate(problem.field(), problem.rule(), problem.getMessage()));
            } catch (Conflict conflict) {
                errors.add(conflict.field(), translate(conflict.field(), CONFLICT, conflict.getMessage()));
            } catch (DataIntegrityViolationException violation) {
                String constraint = ConstraintMessages.constraintName(NestedExceptionUtils.getMostSpecificCause(violation).getMessage()).orElse("");
                ConstraintMessages.Explanation explanation = ConstraintMessages.explain(constraint)
                        .orElseThrow(() -> violation);
                errors.add(explanation.field(), translate(explanation.field(), CONFLICT, explanation.message()));
            } catch (OptimisticLockingFailureException concurrent) {
                errors.add("", translate(null, CONCURRENT, "the object was changed by someone else at the same time; read it again and retry"));
            }
        }
        model.addAttribute("errors", errors);
        return false;
    }

    /** The message keys tried for a field's broken rule, most specific first. */
    public static List<String> keys(String field, String rule) {
        String bare = field == null ? "" : field.replaceAll("\\[\\d+]", "");
        return bare.isEmpty() ? List.of("error." + rule) : List.of("error." + bare + "." + rule, "error." + rule);
    }

    String translate(String field, String rule, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        for (String key : keys(field, rule)) {
            String message = messages.getMessage(key, null, null, locale);
            if (message != null) {
                return message;
            }
        }
        return fallback;
    }
}
