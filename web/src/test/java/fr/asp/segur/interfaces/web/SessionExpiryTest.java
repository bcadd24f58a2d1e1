package fr.asp.segur.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionExpiryTest {

    @Test
    void findsTheDraftOfTheWizardPageTheBrowserWasOn() {
        assertEquals(Optional.of("abc_DEF-123"), SessionExpiry.fromUrl("http://localhost:8080/segurnum/enrolement.xhtml?brouillon=abc_DEF-123"));
        assertEquals(Optional.of("a-b"), SessionExpiry.fromUrl("https://portail/segurnum/enrolement.xhtml?x=1&brouillon=a%2Db"));
    }

    @Test
    void anotherPageOrNoAddressHasNoDraft() {
        assertEquals(Optional.empty(), SessionExpiry.fromUrl(null));
        assertEquals(Optional.empty(), SessionExpiry.fromUrl("http://localhost:8080/segurnum/contact.xhtml"));
        assertEquals(Optional.empty(), SessionExpiry.fromUrl("http://localhost:8080/segurnum/enrolement.xhtml?nobrouillon=x"));
        assertEquals(Optional.empty(), SessionExpiry.fromUrl("not a url with spaces"));
    }
}
