/*
 * Portail SEGUR Numérique - turns a StockEtablissement ZIP into "next month's" stock for the resync
 * benchmark: deterministic by seed, streaming (constant memory).
 *
 *   java bench/sirene/EvolveStock.java --in StockEtablissement_utf8.zip --out next/StockEtablissement_utf8.zip \
 *        [--seed 1] [--moved 5] [--closed 1]
 *
 * Of the active establishments, --moved percent get a new street and --closed percent are closed (F);
 * both get a newer dateDernierTraitementEtablissement. Every other line is copied as it is. Give it a
 * stock generated with more establishments than the loaded one to get insertions too (the generator's
 * company i does not depend on the total).
 */

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

public class EvolveStock {

    public static void main(String[] args) throws Exception {
        Path in = null;
        Path out = null;
        long seed = 1;
        int moved = 5;
        int closed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in" -> in = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--moved" -> moved = Integer.parseInt(args[++i]);
                case "--closed" -> closed = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        SplittableRandom random = new SplittableRandom(seed);
        long lines = 0;
        long changedStreet = 0;
        long changedState = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry entry = zin.getNextEntry();
            zout.setLevel(Deflater.BEST_SPEED);
            zout.putNextEntry(new ZipEntry(entry.getName()));
            BufferedReader reader = new BufferedReader(new InputStreamReader(zin, StandardCharsets.UTF_8), 1 << 16);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(zout, StandardCharsets.UTF_8), 1 << 16);
            String header = reader.readLine();
            List<String> columns = Arrays.asList(header.split(","));
            int date = columns.indexOf("dateDernierTraitementEtablissement");
            int street = columns.indexOf("libelleVoieEtablissement");
            int state = columns.indexOf("etatAdministratifEtablissement");
            writer.write(header);
            writer.write('\n');
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                int draw = random.nextInt(100);
                // Lines with quotes are copied untouched: a plain split is enough for the others.
                if (draw < moved + closed && line.indexOf('"') < 0) {
                    String[] v = line.split(",", -1);
                    if ("A".equals(v[state])) {
                        if (draw < moved) {
                            v[street] = "NOUVELLE ADRESSE " + random.nextInt(1000);
                            changedStreet++;
                        } else {
                            v[state] = "F";
                            changedState++;
                        }
                        v[date] = "2025-07-31T02:00:00";
                        line = String.join(",", v);
                    }
                }
                writer.write(line);
                writer.write('\n');
            }
            writer.flush();
            zout.closeEntry();
        }
        System.out.printf("%d lines, %d moved, %d closed%n", lines, changedStreet, changedState);
    }
}
