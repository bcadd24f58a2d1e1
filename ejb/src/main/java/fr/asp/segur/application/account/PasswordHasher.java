package fr.asp.segur.application.account;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Salted, slow password hashes (bcrypt, cost 12) in Modular Crypt Format, produced with the very
 * library that checks them: WildFly Elytron, whose JDBC realm reads them with a modular-crypt mapper.
 */
public final class PasswordHasher {

    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        RANDOM.nextBytes(salt);
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            BCryptPassword hashed = (BCryptPassword) factory.generatePassword(
                    new EncryptablePasswordSpec(password, new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
            return ModularCrypt.encodeAsString(hashed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available", e);
        }
    }

    public static boolean verify(String encoded, char[] password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(ModularCrypt.decode(encoded)), password);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
