package fr.asp.segur.application.config;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every setting of the portal is read here, through MicroProfile Config: a system property
 * ({@code -Dsegur.smtp.port=2525}) or an environment variable ({@code SEGUR_SMTP_PORT=2525}), else the
 * embedded demo's default. docs/OPERATIONS.md lists them all. Outside the server (unit tests) the same
 * two sources are read directly.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> optional(String name) {
        Optional<String> value;
        try {
            Config config = ConfigProvider.getConfig();
            value = config.getOptionalValue(name, String.class);
        } catch (IllegalStateException | NoClassDefFoundError noConfigHere) {
            value = Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(envName(name))));
        }
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    public static String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public static int integer(String name, int defaultValue) {
        return optional(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Setting " + name + " is not a whole number: " + v, e);
            }
        }).orElse(defaultValue);
    }

    public static boolean bool(String name, boolean defaultValue) {
        return optional(name).map(v -> "true".equalsIgnoreCase(v)).orElse(defaultValue);
    }

    /** MicroProfile Config's environment variable for a property name: SEGUR_SMTP_PORT for segur.smtp.port. */
    public static String envName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
