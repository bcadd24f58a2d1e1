package fr.asp.segur.application.document;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses PDFs that can act when an agent opens them: JavaScript (document, page, field or annotation actions,
 * the document's JavaScript name tree, XFA forms), automatic actions ({@code /AA}), application launches
 * ({@code /Launch}) and embedded files ({@code /EmbeddedFiles}, file specifications with {@code /EF},
 * file-attachment annotations, {@code /GoToE}).
 *
 * <p>Refused rather than flattened: a pièce justificative is kept exactly as the supplier sent it (its SHA-256
 * proves it unchanged), a scanner or "imprimer en PDF" never produces such content, and a supplier can fix
 * the file in a minute whereas a silently rewritten document could lose what the agent must see.
 *
 * <p>Every object is looked at, not only the usual entry points: those reachable from the trailer, followed
 * through references with an explicit stack (a deep structure cannot overflow the thread's stack), and those
 * listed in the cross-reference table, reachable or not.
 */
final class ActivePdfContent {

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName GOTO_EMBEDDED = COSName.getPDFName("GoToE");
    private static final COSName RENDITION = COSName.getPDFName("Rendition");
    private static final COSName RICH_MEDIA_EXECUTE = COSName.getPDFName("RichMediaExecute");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName XFA = COSName.getPDFName("XFA");

    private ActivePdfContent() {
    }

    static void check(PDDocument document) throws DocumentRejectedException {
        COSDocument cos = document.getDocument();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(cos.getTrailer());
        for (COSObjectKey key : cos.getXrefTable().keySet()) {
            COSObject object = cos.getObjectFromPool(key);
            if (object != null) {
                pending.push(object);
            }
        }
        while (!pending.isEmpty()) {
            COSBase base = pending.pop();
            if (base instanceof COSObject reference) {
                base = reference.getObject();
            }
            if (base == null || !seen.add(base)) {
                continue;
            }
            if (base instanceof COSDictionary dictionary) {
                judge(dictionary);
                for (COSBase value : dictionary.getValues()) {
                    pending.push(value);
                }
            } else if (base instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
    }

    private static void judge(COSDictionary dictionary) throws DocumentRejectedException {
        COSName action = dictionary.getCOSName(COSName.S);
        if (LAUNCH.equals(action)) {
            throw new DocumentRejectedException(DocumentInspector.MSG_PDF_LAUNCH);
        }
        if (GOTO_EMBEDDED.equals(action) || dictionary.containsKey(EMBEDDED_FILES)
                || dictionary.containsKey(COSName.EF)
                || EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
                || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            throw new DocumentRejectedException(DocumentInspector.MSG_PDF_EMBEDDED_FILE);
        }
        if (JAVASCRIPT.equals(action) || RENDITION.equals(action) || RICH_MEDIA_EXECUTE.equals(action)
                || dictionary.containsKey(COSName.JS) || dictionary.containsKey(JAVASCRIPT)
                || dictionary.containsKey(COSName.AA) || dictionary.containsKey(XFA)) {
            throw new DocumentRejectedException(DocumentInspector.MSG_PDF_SCRIPT);
        }
    }
}
