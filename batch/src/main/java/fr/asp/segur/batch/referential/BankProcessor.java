package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.EcbBankFormat;
import fr.asp.segur.application.referential.ReferentialFile;
import fr.asp.segur.batch.support.MalformedLineException;
import fr.asp.segur.domain.model.InvalidValueException;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * A line of the ECB list → the French institution it describes; other countries' lines are filtered
 * out (counted as filtered, not skipped); an unusable French line is skipped with its reason.
 */
@Named
@Dependent
public class BankProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) throws MalformedLineException {
        ReferentialFile.Line line = (ReferentialFile.Line) item;
        try {
            return EcbBankFormat.parse(line.record()).orElse(null);
        } catch (InvalidValueException e) {
            throw new MalformedLineException(line.number(), e.getMessage(), line.content('\t'));
        }
    }
}
