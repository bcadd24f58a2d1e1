package fr.asp.segur.application.enrolment;

import java.io.Serializable;

/** What the ANS search shows on "1 - Logiciel". */
public record SoftwareSummary(String referencingNumber, String name, String version, String dsrLabel,
                              String editorSiren, String editorName) implements Serializable {
}
