package io.pbxctl.agi.numbering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's view of its country's plan plus its own prefixes: classifies a dialled number by
 * the longest matching prefix after normalising it, the tenant's prefix winning at equal length.
 */
public final class NumberingPlan {

    private final Country country;
    private final String ownAreaCode;
    private final Map<String, PrefixRule> rules = new HashMap<>();
    private final int longestPrefix;

    public NumberingPlan(Country country, String ownAreaCode, List<PrefixRule> countryRules, List<PrefixRule> tenantRules) {
        this.country = country;
        this.ownAreaCode = ownAreaCode;
        countryRules.forEach(rule -> rules.put(rule.prefix(), rule));
        tenantRules.forEach(rule -> rules.put(rule.prefix(), rule));
        this.longestPrefix = rules.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The direction of a dialled number, or empty when no prefix of the plan matches it. */
    public Optional<Classification> classify(String dialled) {
        String normalised = country.normalise(dialled);
        for (int length = Math.min(longestPrefix, normalised.length()); length > 0; length--) {
            PrefixRule rule = rules.get(normalised.substring(0, length));
            if (rule != null) {
                Direction direction = rule.areaCode() && rule.prefix().equals(ownAreaCode) ? Direction.LOCAL : rule.direction();
                return Optional.of(new Classification(normalised, direction, rule.prefix()));
            }
        }
        return Optional.empty();
    }

    /** The outcome of classifying one number: its normalised form, direction and the prefix that decided. */
    public record Classification(String normalised, Direction direction, String matchedPrefix) {
    }
}
