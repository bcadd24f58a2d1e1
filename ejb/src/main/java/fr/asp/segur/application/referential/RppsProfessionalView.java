package fr.asp.segur.application.referential;

/** What the RPPS directory says of a client professional; {@code profession} is the directory's label ("Médecin", "Pharmacien"...). */
public record RppsProfessionalView(String rpps, String lastName, String firstName, String profession,
                                   String postalCode, String city) {
}
