package fr.asp.segur.application.model;

import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.TiersQuality;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * What the PDF récapitulatif adds to « Terminer »: the median time to generate it, against a baseline
 * measured in the same run, the model "mandat" (3 A4 pages from the same renderer, never cached here).
 * Not a test: see docs/PERFORMANCE.md for the command and the figures.
 */
public final class ReceiptBench {

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        EnrolmentRequest request = request();
        String mandat = ModelDocuments.template(ModelDocuments.MANDAT_TEMPLATE);
        RequestReceipt receipt = new RequestReceipt();
        long[] receiptNanos = new long[rounds];
        long[] baselineNanos = new long[rounds];
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += receipt.pdf(request).length + new TemplatePdfRenderer().render("Mandat", mandat).length;
        }
        for (int i = 0; i < rounds; i++) {
            // Alternated, so that both see the same machine load.
            long t0 = System.nanoTime();
            sink += receipt.pdf(request).length;
            long t1 = System.nanoTime();
            sink += new TemplatePdfRenderer().render("Mandat", mandat).length;
            long t2 = System.nanoTime();
            receiptNanos[i] = t1 - t0;
            baselineNanos[i] = t2 - t1;
        }
        double receiptMedian = median(receiptNanos) / 1e6;
        double baselineMedian = median(baselineNanos) / 1e6;
        System.out.printf("rounds=%d warmup=%d bytes=%d%n", rounds, warmup, receipt.pdf(request).length);
        System.out.printf("receipt median %.2f ms, p90 %.2f ms%n", receiptMedian, percentile(receiptNanos, 0.9) / 1e6);
        System.out.printf("baseline (model mandat) median %.2f ms, p90 %.2f ms%n", baselineMedian,
                percentile(baselineNanos, 0.9) / 1e6);
        System.out.printf("ratio receipt / baseline = %.2f (sink %d)%n", receiptMedian / baselineMedian, sink % 7);
    }

    private static double median(long[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private static EnrolmentRequest request() {
        EnrolmentRequest request = new EnrolmentRequest("ENR0011M0",
                new EnrolmentRequest.Software("aafy63256", "MY RADIO RIS", "1.1", "Radiologie / RIS / Vague 1"),
                new EnrolmentRequest.Company("81120705900015", "KALINKA", "KALINKA", "KALINKA",
                        new EnrolmentRequest.PostalAddress(null, "Bât. B", "23", null, "PL", "THIARS", null, "13001",
                                "MARSEILLE 01"), false, "KALINKA"),
                new EnrolmentRequest.BankAccount("FR7613135000800800267924623", "CEPAFRPP313", "MARTIN MAELYS",
                        "CE MID PYRENEES TOULOUSE"),
                false, TiersQuality.CENTRE_DE_GESTION, LocalDateTime.of(2026, 3, 4, 9, 5));
        request.addPerson(PersonRole.REPRESENTANT, "Martin", "Maelys", "maelys@kalinka.fr", "0326212121");
        request.addPerson(PersonRole.DEPOSITAIRE, "Durand", "Paul", "paul@cabinet.fr", "0612345678");
        return request;
    }
}
