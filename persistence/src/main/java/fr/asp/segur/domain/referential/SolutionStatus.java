package fr.asp.segur.domain.referential;

/** Referencing status as published by the ANS list. */
public enum SolutionStatus {
    REFERENCE,
    RETIRE
}
