package fr.asp.segur.application.account;

import fr.asp.segur.application.BusinessRuleException;

/**
 * What a chosen password must be (ANSSI's recommendations for a password alone: long, varied).
 * Messages name the rule, in French.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    public static void check(String password, String confirmation) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new BusinessRuleException("password",
                    "Le mot de passe doit comporter au moins " + MIN_LENGTH + " caractères.");
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (kinds < 3) {
            throw new BusinessRuleException("password", "Le mot de passe doit mêler au moins trois types de "
                    + "caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux.");
        }
        if (!password.equals(confirmation)) {
            throw new BusinessRuleException("passwordConfirmation", "Les deux mots de passe ne sont pas identiques.");
        }
    }
}
