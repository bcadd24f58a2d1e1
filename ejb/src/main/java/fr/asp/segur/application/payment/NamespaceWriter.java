package fr.asp.segur.application.payment;

import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Puts every element written through it in one namespace, as the document's default namespace.
 * Prowide's model classes are shared by all ISO 20022 messages and carry no namespace of their own
 * (the library qualifies them when it writes a whole message); marshalled one by one as fragments
 * they would come out unqualified, so this writer qualifies them and drops their own declarations.
 */
final class NamespaceWriter implements XMLStreamWriter {

    private final XMLStreamWriter out;
    private final String namespace;

    NamespaceWriter(XMLStreamWriter out, String namespace) {
        this.out = out;
        this.namespace = namespace;
    }

    @Override public void writeStartElement(String localName) throws XMLStreamException {
        out.writeStartElement("", localName, namespace);
    }
    @Override public void writeStartElement(String ns, String localName) throws XMLStreamException {
        out.writeStartElement("", localName, namespace);
    }
    @Override public void writeStartElement(String prefix, String localName, String ns) throws XMLStreamException {
        out.writeStartElement("", localName, namespace);
    }
    @Override public void writeEmptyElement(String ns, String localName) throws XMLStreamException {
        out.writeEmptyElement("", localName, namespace);
    }
    @Override public void writeEmptyElement(String prefix, String localName, String ns) throws XMLStreamException {
        out.writeEmptyElement("", localName, namespace);
    }
    @Override public void writeEmptyElement(String localName) throws XMLStreamException {
        out.writeEmptyElement("", localName, namespace);
    }
    @Override public void writeEndElement() throws XMLStreamException { out.writeEndElement(); }
    @Override public void writeEndDocument() throws XMLStreamException { out.writeEndDocument(); }
    @Override public void close() throws XMLStreamException { out.close(); }
    @Override public void flush() throws XMLStreamException { out.flush(); }
    @Override public void writeAttribute(String localName, String value) throws XMLStreamException {
        out.writeAttribute(localName, value);
    }
    @Override public void writeAttribute(String prefix, String ns, String localName, String value)
            throws XMLStreamException {
        out.writeAttribute(localName, value);
    }
    @Override public void writeAttribute(String ns, String localName, String value) throws XMLStreamException {
        out.writeAttribute(localName, value);
    }
    /** The fragments' own namespace declarations are dropped: the document declares the one default. */
    @Override public void writeNamespace(String prefix, String ns) {
    }
    @Override public void writeDefaultNamespace(String ns) {
    }
    @Override public void writeComment(String data) throws XMLStreamException { out.writeComment(data); }
    @Override public void writeProcessingInstruction(String target) throws XMLStreamException {
        out.writeProcessingInstruction(target);
    }
    @Override public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        out.writeProcessingInstruction(target, data);
    }
    @Override public void writeCData(String data) throws XMLStreamException { out.writeCharacters(data); }
    @Override public void writeDTD(String dtd) throws XMLStreamException { out.writeDTD(dtd); }
    @Override public void writeEntityRef(String name) throws XMLStreamException { out.writeEntityRef(name); }
    @Override public void writeStartDocument() throws XMLStreamException { out.writeStartDocument(); }
    @Override public void writeStartDocument(String version) throws XMLStreamException {
        out.writeStartDocument(version);
    }
    @Override public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        out.writeStartDocument(encoding, version);
    }
    @Override public void writeCharacters(String text) throws XMLStreamException { out.writeCharacters(text); }
    @Override public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        out.writeCharacters(text, start, len);
    }
    @Override public String getPrefix(String uri) throws XMLStreamException { return out.getPrefix(uri); }
    @Override public void setPrefix(String prefix, String uri) throws XMLStreamException { out.setPrefix(prefix, uri); }
    @Override public void setDefaultNamespace(String uri) throws XMLStreamException { out.setDefaultNamespace(uri); }
    @Override public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        out.setNamespaceContext(context);
    }
    @Override public NamespaceContext getNamespaceContext() { return out.getNamespaceContext(); }
    @Override public Object getProperty(String name) { return out.getProperty(name); }
}
