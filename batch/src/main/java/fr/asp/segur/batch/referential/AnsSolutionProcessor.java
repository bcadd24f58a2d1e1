package fr.asp.segur.batch.referential;

import fr.asp.segur.application.referential.AnsSolutionFormat;
import fr.asp.segur.application.referential.ReferentialFile;
import fr.asp.segur.batch.support.MalformedLineException;
import fr.asp.segur.domain.model.InvalidValueException;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** A line of the ANS list → the solution it describes; an unusable line is skipped with its reason. */
@Named
@Dependent
public class AnsSolutionProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) throws MalformedLineException {
        ReferentialFile.Line line = (ReferentialFile.Line) item;
        try {
            return AnsSolutionFormat.parse(line.record());
        } catch (InvalidValueException e) {
            throw new MalformedLineException(line.number(), e.getMessage(), line.content(','));
        }
    }
}
