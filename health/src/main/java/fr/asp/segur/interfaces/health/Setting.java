package fr.asp.segur.interfaces.health;

import org.eclipse.microprofile.config.ConfigProvider;

/** A setting through MicroProfile Config (system property or environment variable), as the ejb module's Settings. */
final class Setting {

    private Setting() {
    }

    static String string(String name, String defaultValue) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).map(String::trim)
                .filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    static int integer(String name, int defaultValue) {
        return Integer.parseInt(string(name, String.valueOf(defaultValue)));
    }

    static boolean bool(String name, boolean defaultValue) {
        return "true".equalsIgnoreCase(string(name, String.valueOf(defaultValue)));
    }
}
