package fr.asp.segur.interfaces.web;

/**
 * Upload refusals that PrimeFaces decides before the document service sees the file. Its own texts
 * ("Nom de fichier Linux non valide") are replaced in Messages.properties, the application's message
 * bundle, by the same plain French as here.
 */
final class UploadMessages {

    static final String FILE_NAME_WITH_PATH = "Le nom du fichier contient un chemin ou un caractère réservé "
            + "(« ../ », « / » ou « \\ ») : renommez le fichier, puis déposez-le à nouveau.";

    private UploadMessages() {
    }
}
