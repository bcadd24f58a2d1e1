package fr.asp.segur.application.payment;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import fr.asp.segur.domain.payment.SepaText;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a pain.001.001.09 customer credit transfer initiation, as the EPC's SEPA Credit Transfer
 * rulebook profiles it (one payment information block, SEPA service level, EUR, charges SLEV), in
 * constant memory: the document's frame is streamed with StAX, and every element that carries data
 * (the group header, the debtor, each transaction) is one of Prowide's ISO 20022 model objects
 * marshalled by JAXB as a fragment — so the library, not our code, knows the schema's elements and
 * their order, and a batch of any size holds one transaction in memory at a time.
 */
public final class PainWriter implements AutoCloseable {

    /** The debtor: the paying agency's account. */
    public record Debtor(String name, String iban, String bic) {
    }

    /** One transfer. Amount in euros, 2 decimals. */
    public record Transfer(String endToEndId, BigDecimal amount, String creditorName, String creditorIban,
                           String creditorBic, String remittance) {
        @Override
        public String toString() {
            return "Transfer[" + endToEndId + ", " + amount + "]"; // never the IBAN
        }
    }

    private static final String NS = MxPain00100109.NAMESPACE;
    private static final JAXBContext CONTEXT = context();

    private final XMLStreamWriter xml;
    private final XMLStreamWriter qualified;
    private final Marshaller marshaller;

    public PainWriter(OutputStream out) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            qualified = new NamespaceWriter(xml, NS);
            marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
        } catch (XMLStreamException | JAXBException e) {
            throw new IllegalStateException("Cannot start the pain.001 writer", e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(MxPain00100109._classes);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The document, its group header and the payment information block's header. */
    public void start(String messageId, OffsetDateTime createdAt, int count, BigDecimal controlSum,
                      LocalDate executionDate, Debtor debtor) {
        try {
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "Document");
            xml.writeDefaultNamespace(NS);
            xml.writeStartElement(NS, "CstmrCdtTrfInitn");
            GroupHeader85 header = new GroupHeader85().setMsgId(messageId).setCreDtTm(createdAt)
                    .setNbOfTxs(Integer.toString(count)).setCtrlSum(controlSum)
                    .setInitgPty(new PartyIdentification135().setNm(SepaText.of(debtor.name(), 70)));
            fragment("GrpHdr", GroupHeader85.class, header);
            xml.writeStartElement(NS, "PmtInf");
            text("PmtInfId", messageId);
            fragment("PmtMtd", PaymentMethod3Code.class, PaymentMethod3Code.TRF);
            text("NbOfTxs", Integer.toString(count));
            text("CtrlSum", controlSum.toPlainString());
            fragment("PmtTpInf", PaymentTypeInformation26.class,
                    new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
            fragment("ReqdExctnDt", DateAndDateTime2Choice.class, new DateAndDateTime2Choice().setDt(executionDate));
            fragment("Dbtr", PartyIdentification135.class, new PartyIdentification135().setNm(SepaText.of(debtor.name(), 70)));
            fragment("DbtrAcct", CashAccount38.class, account(debtor.iban()));
            fragment("DbtrAgt", BranchAndFinancialInstitutionIdentification6.class, agent(debtor.bic()));
            fragment("ChrgBr", ChargeBearerType1Code.class, ChargeBearerType1Code.SLEV);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the pain.001 header failed", e);
        }
    }

    public void transfer(Transfer t) {
        CreditTransferTransaction34 tx = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setEndToEndId(t.endToEndId()))
                .setAmt(new AmountType4Choice().setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount().setCcy("EUR").setValue(t.amount().setScale(2))))
                .setCdtr(new PartyIdentification135().setNm(SepaText.of(t.creditorName(), 70)))
                .setCdtrAcct(account(t.creditorIban()))
                .setRmtInf(new RemittanceInformation16().addUstrd(SepaText.of(t.remittance(), 140)));
        if (t.creditorBic() != null && !t.creditorBic().isBlank()) {
            tx.setCdtrAgt(agent(t.creditorBic()));
        }
        fragment("CdtTrfTxInf", CreditTransferTransaction34.class, tx);
    }

    /** Closes the payment information block and the document. */
    public void finish() {
        try {
            xml.writeEndElement(); // PmtInf
            xml.writeEndElement(); // CstmrCdtTrfInitn
            xml.writeEndElement(); // Document
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Closing the pain.001 file failed", e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6()
                .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }

    private void text(String name, String value) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private <T> void fragment(String name, Class<T> type, T value) {
        try {
            marshaller.marshal(new JAXBElement<>(new QName(NS, name), type, value), qualified);
        } catch (JAXBException e) {
            throw new IllegalStateException("Writing pain.001 element " + name + " failed", e);
        }
    }
}
