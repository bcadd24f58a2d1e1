#!/bin/sh
# Compiles and runs ReceiptBench against the built ejb and persistence classes (mvn package first).
set -e
cd "$(dirname "$0")/../.."
M2=${M2:-$HOME/.m2/repository}
CP=ejb/target/classes:persistence/target/classes
for jar in org/apache/pdfbox/pdfbox/3.0.5/pdfbox-3.0.5.jar org/apache/pdfbox/pdfbox-io/3.0.5/pdfbox-io-3.0.5.jar \
           org/apache/pdfbox/fontbox/3.0.5/fontbox-3.0.5.jar commons-logging/commons-logging/1.3.5/commons-logging-1.3.5.jar; do
    CP=$CP:$M2/$jar
done
CP=$CP:$(ls $M2/com/github/spullara/mustache/java/compiler/*/compiler-*.jar | tail -1)
CP=$CP:$(ls $M2/jakarta/persistence/jakarta.persistence-api/*/jakarta.persistence-api-*.jar | tail -1)
OUT=$(mktemp -d)
javac -cp "$CP" -d "$OUT" bench/receipt/ReceiptBench.java
java -cp "$OUT:$CP" fr.asp.segur.application.model.ReceiptBench "$@"
