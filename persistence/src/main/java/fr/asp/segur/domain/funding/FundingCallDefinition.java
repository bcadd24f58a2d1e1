package fr.asp.segur.domain.funding;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What defines a funding call, as an administrator edits it or a file lists it. Its constructor
 * checks that the definition holds together (French messages naming the field); times are
 * Europe/Paris local times, exact to the minute.
 *
 * @param ceilingTranches empty for a flat ceiling; else the table by {@code ceilingBasis}
 */
public record FundingCallDefinition(String code, String label, Couloir couloir, List<String> dsrLabels, int vague,
                                    ClientKind clientKind, Amount flatCeilingHt, String ceilingBasis,
                                    List<CeilingTranche> ceilingTranches, BigDecimal avanceRate,
                                    SoldeDocument soldeDocument, LocalDateTime orderWindowStart,
                                    LocalDateTime orderWindowEnd, LocalDateTime soldeDeadline) {

    public FundingCallDefinition {
        require(code != null && code.matches("[A-Z0-9][A-Z0-9-]{2,39}"), "code",
                "L'identifiant de l'appel doit être fait de majuscules, de chiffres et de tirets (ex. AF-OFF-LGO-VA1).");
        require(label != null && !label.isBlank() && label.length() <= 200, "label",
                "Le libellé de l'appel est obligatoire (200 caractères au plus).");
        require(couloir != null, "couloir", "Le couloir est obligatoire.");
        require(dsrLabels != null && !dsrLabels.isEmpty()
                        && dsrLabels.stream().allMatch(d -> d != null && d.matches("DSR-[A-Za-z0-9-]+")),
                "dsr", "Indiquez au moins un DSR, sous la forme DSR-OFF-LGO-Va1.");
        require(vague == 1 || vague == 2, "vague", "La vague doit être 1 ou 2.");
        require(clientKind != null, "clientKind", "Le type de client financé est obligatoire.");
        ceilingTranches = ceilingTranches == null ? List.of() : List.copyOf(ceilingTranches);
        require(flatCeilingHt == null ^ ceilingTranches.isEmpty(), "plafond",
                "Le plafond est soit un forfait, soit un tableau par caractéristique du client, pas les deux.");
        require(ceilingTranches.isEmpty() || (ceilingBasis != null && !ceilingBasis.isBlank()), "plafond",
                "Un plafond par tableau doit nommer la caractéristique du client dont il dépend.");
        require(ceilingTranches.stream().map(CeilingTranche::getTranche).distinct().count() == ceilingTranches.size(),
                "plafond", "Chaque tranche du tableau des plafonds doit être unique.");
        require(avanceRate != null && avanceRate.signum() > 0 && avanceRate.compareTo(BigDecimal.ONE) < 0
                && avanceRate.scale() <= 4, "avanceRate", "La part de l'avance doit être comprise entre 0 et 100 %.");
        require(soldeDocument != null, "soldeDocument", "Le document exigé au solde est obligatoire.");
        require(orderWindowStart != null && orderWindowEnd != null && soldeDeadline != null, "fenetre",
                "Les dates de la période de dépôt et la date limite du solde sont obligatoires.");
        require(orderWindowStart.isBefore(orderWindowEnd), "fenetre",
                "La période de dépôt doit commencer avant de finir.");
        require(!soldeDeadline.isBefore(orderWindowEnd), "soldeDeadline",
                "La date limite du solde ne peut pas précéder la fin de la période de dépôt.");
        orderWindowStart = orderWindowStart.withSecond(0).withNano(0);
        orderWindowEnd = orderWindowEnd.withSecond(0).withNano(0);
        soldeDeadline = soldeDeadline.withSecond(0).withNano(0);
        dsrLabels = List.copyOf(dsrLabels);
        ceilingBasis = ceilingTranches.isEmpty() ? null : ceilingBasis.strip();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
