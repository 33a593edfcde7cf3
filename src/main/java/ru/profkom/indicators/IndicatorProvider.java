package ru.profkom.indicators;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import ru.profkom.organizations.Organization;

/**
 * One indicator of information work. A module adds an indicator by declaring a Spring bean that
 * implements this interface; the indicators page, the rating, its weights and the monthly report
 * pick it up without a change here. Called inside the current actor's access checks: the
 * organizations passed in are already readable by the actor.
 */
public interface IndicatorProvider {

    /** Stable code, upper case: stored with the rating weights. */
    String code();

    /** Message key of the indicator's Russian name (the module's own bundle). */
    String nameKey();

    Unit unit();

    Target target();

    /** The default weight in the rating, whole percent; the built-in defaults add up to 100. */
    default int defaultWeight() {
        return 0;
    }

    /** The order on the page, smaller first. */
    default int order() {
        return 100;
    }

    /**
     * The values of the given organizations for the month; an organization with no data may be left
     * out (it counts as no value, normalized to 0).
     */
    Map<Long, IndicatorValue> values(List<Organization> organizations, YearMonth period);

    /**
     * An indicator from its code (its name is {@code indicator.name.<code>}), unit, target, default weight, place on
     * the page and the function that computes its values, as the built-in ones are made.
     */
    static IndicatorProvider of(
            String code,
            Unit unit,
            Target target,
            int defaultWeight,
            int order,
            java.util.function.BiFunction<List<Organization>, YearMonth, Map<Long, IndicatorValue>> values) {
        return new BuiltInIndicators.BuiltIn(code, unit, target, defaultWeight, order, values);
    }

    /** How a value is measured and shown. */
    enum Unit {
        YES_NO,
        PERCENT,
        COUNT,
        DAYS,
        SCORE;

        public String messageKey() {
            return "indicator.unit." + name();
        }
    }
}
