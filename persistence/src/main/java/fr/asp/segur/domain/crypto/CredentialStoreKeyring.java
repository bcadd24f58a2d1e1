package fr.asp.segur.domain.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * The data keys, read from WildFly Elytron's secret-key credential store (a {@code PropertiesCredentialStore}
 * file; ear/src/main/wildfly/cli/data-key-store.cli declares it and generates the alias {@code data-key}).
 * Every alias is a key id; {@code segur.crypto.current-key} ({@code data-key} unless set) names the one new
 * values are sealed with. The file is only read: administrators add keys with jboss-cli
 * ({@code generate-secret-key}), and a key id not yet known makes the file be read again, so a new key works
 * without a restart. {@code segur.crypto.store} overrides the file's path
 * ({@code ${jboss.server.data.dir}/segur-data.cs}).
 */
public final class CredentialStoreKeyring implements DataCipher.Keyring {

    public static final String STORE = "segur.crypto.store";
    public static final String CURRENT_KEY = "segur.crypto.current-key";
    public static final String DEFAULT_ALIAS = "data-key";

    private volatile Map<String, SecretKey> keys = Map.of();

    @Override
    public String currentId() {
        return System.getProperty(CURRENT_KEY, DEFAULT_ALIAS);
    }

    @Override
    public SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            synchronized (this) {
                keys = load();
                key = keys.get(id);
            }
        }
        if (key == null) {
            throw new IllegalStateException("No data key '" + id + "' in the credential store " + location());
        }
        return key;
    }

    /** Forgets the keys read so far (after a rotation in tests). */
    public synchronized void reload() {
        keys = load();
    }

    static Path location() {
        String configured = System.getProperty(STORE);
        if (configured != null) {
            return Path.of(configured);
        }
        String dataDir = System.getProperty("jboss.server.data.dir");
        if (dataDir == null) {
            throw new IllegalStateException("No credential store for the data keys: set " + STORE);
        }
        return Path.of(dataDir, "segur-data.cs");
    }

    private static Map<String, SecretKey> load() {
        Path file = location();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("The credential store of the data keys is missing: " + file);
        }
        try {
            CredentialStore store = CredentialStore.getInstance("PropertiesCredentialStore",
                    WildFlyElytronCredentialStoreProvider.getInstance());
            store.initialize(Map.of("location", file.toString(), "create", "false", "modifiable", "false"));
            Map<String, SecretKey> loaded = new HashMap<>();
            for (String alias : store.getAliases()) {
                SecretKeyCredential credential = store.retrieve(alias, SecretKeyCredential.class);
                if (credential != null) {
                    loaded.put(alias, credential.getSecretKey());
                }
            }
            return Map.copyOf(loaded);
        } catch (Exception e) {
            throw new IllegalStateException("The credential store of the data keys cannot be read: " + file, e);
        }
    }
}
