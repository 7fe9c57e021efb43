package io.pbxctl.daemon.system;

/** Bad input found beyond what annotations can check (a rule that depends on the tenant or on other rows): HTTP 400. */
public class FieldProblem extends RuntimeException {

    private final String field;
    private final String rule;

    public FieldProblem(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
