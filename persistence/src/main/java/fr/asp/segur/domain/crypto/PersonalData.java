package fr.asp.segur.domain.crypto;

/**
 * The one cipher of personal data at rest, shared by the JPA converters and the re-encryption job: keys from
 * the credential store. Lazily built, so that nothing reads the store before the first personal datum.
 */
public final class PersonalData {

    private static final CredentialStoreKeyring KEYS = new CredentialStoreKeyring();
    private static final DataCipher CIPHER = new DataCipher(KEYS);

    private PersonalData() {
    }

    public static DataCipher cipher() {
        return CIPHER;
    }

    public static CredentialStoreKeyring keys() {
        return KEYS;
    }
}
