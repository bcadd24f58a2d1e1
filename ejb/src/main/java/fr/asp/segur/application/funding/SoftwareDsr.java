package fr.asp.segur.application.funding;

import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.referential.AnsSolution;
import jakarta.persistence.EntityManager;

/**
 * The DSR code (e.g. DSR-RAD-RIS-Va1) against which an enrolment's software is referenced, the one funding
 * calls name: read from the ANS referential, since the enrolment keeps the DSR's display label
 * ("Radiologie / RIS / Vague 1"). Used by the filing rules and by the agents' automatic checks alike.
 */
final class SoftwareDsr {

    private SoftwareDsr() {
    }

    static String of(EntityManager em, EnrolmentRequest enrolment) {
        AnsSolution solution = em.find(AnsSolution.class, enrolment.software().referencingNumber());
        return solution != null && solution.getDsr() != null ? solution.getDsr() : enrolment.software().dsrLabel();
    }
}
