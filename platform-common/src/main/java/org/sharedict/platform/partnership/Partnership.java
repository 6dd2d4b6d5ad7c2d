package org.sharedict.platform.partnership;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import org.sharedict.platform.problem.ProblemException;

/**
 * What every service agrees on about the partnership: the time zone its rotas, working hours, bank
 * holidays and reports are in ({@code sharedict.partnership.zone}, default Europe/London), and the
 * form of a partner code (2 to 16 letters or digits, stored upper case). One place, so a partnership
 * elsewhere changes one setting and a code valid at one service is valid at all.
 */
public final class Partnership {

    /** A partner code as the API accepts it, for {@code @Pattern(regexp = Partnership.CODE)}. */
    public static final String CODE = "^[A-Za-z0-9]{2,16}$";

    /** The default zone; the setting wins. */
    public static final String DEFAULT_ZONE = "Europe/London";

    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);

    private static volatile ZoneId zone;

    private Partnership() {}

    /** The partnership's time zone, read once from {@code sharedict.partnership.zone}. */
    public static ZoneId zone() {
        ZoneId z = zone;
        if (z == null) {
            String configured = DEFAULT_ZONE;
            try {
                configured = ConfigProvider.getConfig()
                        .getOptionalValue("sharedict.partnership.zone", String.class)
                        .orElse(DEFAULT_ZONE);
            } catch (IllegalStateException e) {
                // No MicroProfile Config (a plain unit test): the default.
            }
            try {
                z = ZoneId.of(configured);
            } catch (DateTimeException e) {
                throw new IllegalStateException(
                        "sharedict.partnership.zone must be a time-zone ID such as Europe/London, not " + configured,
                        e);
            }
            zone = z;
        }
        return z;
    }

    /** True when {@code value} has the form of a partner code. */
    public static boolean isCode(String value) {
        return value != null && CODE_PATTERN.matcher(value.trim()).matches();
    }

    /**
     * A partner code from a path or query parameter, upper case; null when absent and not required;
     * a 400 naming the parameter when it has the wrong form.
     */
    public static String code(String parameter, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(parameter, "is required: a partner code such as BBC");
            }
            return null;
        }
        if (!isCode(value)) {
            throw ProblemException.invalid(parameter, "must be a partner code of 2 to 16 letters or digits");
        }
        return value.trim().toUpperCase(Locale.ROOT);
    }
}
