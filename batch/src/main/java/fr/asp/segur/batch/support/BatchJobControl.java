package fr.asp.segur.batch.support;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.batch.BatchJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** {@link BatchJobs} for the administrators' screen: administrators only. */
@Stateless
@RolesAllowed("administrateur")
public class BatchJobControl implements BatchJobs {

    /** Every job of META-INF/batch-jobs an administrator may run, in display order. */
    static final List<String> JOBS = List.of("ans-referential-sync", "sirene-sync", "bank-referential-sync", "finess-sync",
            "rpps-sync", "reminders", "funding-nightly");

    @Inject
    private JobLauncher launcher;

    @Override
    public List<String> jobNames() {
        return JOBS;
    }

    @Override
    public long start(String jobName, Properties parameters) {
        if (!JOBS.contains(jobName)) {
            throw new fr.asp.segur.application.BusinessRuleException("job", "Traitement inconnu : " + jobName + ".");
        }
        Properties checked = new Properties();
        checked.putAll(parameters);
        String source = checkedSource(parameters.getProperty("source"));
        if (source != null) {
            checked.setProperty("source", source);
        }
        return launcher.start(jobName, checked);
    }

    /**
     * A source given on the screen is read by the server and its bad lines are shown back: only an
     * http(s) address or a file of the import folder ({@code -Dsegur.imports.dir}, by default
     * {@code referentiels/} in the server's data folder) may be named, never any file of the server.
     *
     * @return the address, or the file's absolute path (a name is resolved in the import folder), or null when none
     */
    static String checkedSource(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String value = source.trim();
        if (value.matches("(?i)https?://\\S+")) {
            return value;
        }
        Path folder = folder();
        try {
            Path file = folder.resolve(value).normalize();
            // toRealPath: a link in the folder must not lead out of it either
            if (file.startsWith(folder) && Files.isRegularFile(file)
                    && file.toRealPath().startsWith(folder.toRealPath())) {
                return file.toString();
            }
        } catch (InvalidPathException | IOException e) {
            // refused below
        }
        throw new fr.asp.segur.application.BusinessRuleException("source", "La source doit être une adresse http(s)"
                + " ou un fichier existant du dossier d'import " + folder + ".");
    }

    @Override
    public String importFolder() {
        return folder().toString();
    }

    /** Where administrators drop referential files for a manual import. */
    static Path folder() {
        String configured = Settings.optional("segur.imports.dir").orElse(null);
        Path folder = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("jboss.server.data.dir", "."), "referentiels");
        return folder.toAbsolutePath().normalize();
    }

    @Override
    public long restart(long executionId) {
        return launcher.restart(executionId, new Properties());
    }

    @Override
    public void stop(long executionId) {
        launcher.stop(executionId);
    }
}
