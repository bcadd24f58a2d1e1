package fr.asp.segur.application.deposit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each value of a deposit file starts (line, column), by JSON pointer. Read by a second,
 * streaming pass of Jackson's parser with its location tracking, and only when there is an error to
 * place: a clean file of 20,000 lines never pays for it.
 */
public final class PositionIndex {

    private final byte[] content;
    private final JsonMapper mapper;
    private Map<String, int[]> positions;

    PositionIndex(byte[] content, JsonMapper mapper) {
        this.content = content;
        this.mapper = mapper;
    }

    /** Line and column of the value at that JSON pointer, or of its nearest enclosing value. */
    public synchronized int[] at(String pointer) {
        if (positions == null) {
            positions = index();
        }
        String p = pointer;
        while (true) {
            int[] found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private Map<String, int[]> index() {
        Map<String, int[]> found = new HashMap<>();
        // One frame per open object (its current property) or array (its current index).
        List<Object> frames = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    frames.set(frames.size() - 1, parser.currentName());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    frames.remove(frames.size() - 1);
                    continue;
                }
                if (!frames.isEmpty() && frames.get(frames.size() - 1) instanceof Integer index) {
                    frames.set(frames.size() - 1, index + 1);
                }
                TokenStreamLocation where = parser.currentTokenLocation();
                found.put(pointer(frames), new int[] {where.getLineNr(), where.getColumnNr()});
                if (token == JsonToken.START_OBJECT) {
                    frames.add("");
                } else if (token == JsonToken.START_ARRAY) {
                    frames.add(-1);
                }
            }
        } catch (RuntimeException unreadableTail) {
            // The positions read so far are still right; the parse error itself is reported elsewhere.
        }
        return found;
    }

    private static String pointer(List<Object> frames) {
        StringBuilder pointer = new StringBuilder();
        for (Object frame : frames) {
            pointer.append('/').append(frame.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
