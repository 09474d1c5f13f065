#include "Validation.h"

#include <QTest>

namespace validation = backoffice::validation;

class ValidationTest final : public QObject
{
    Q_OBJECT

private slots:
    void swift_data();
    void swift();
    void iban_data();
    void iban();
    void normalizeIban();
    void email_data();
    void email();
    void invalidEmails_data();
    void invalidEmails();
    void phone_data();
    void phone();
};

void ValidationTest::swift_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");

    QTest::newRow("8 characters") << QStringLiteral("DEUTDEFF") << true;
    QTest::newRow("11 characters") << QStringLiteral("DEUTDEFF500") << true;
    QTest::newRow("spanish bank") << QStringLiteral("BSCHESMMXXX") << true;
    QTest::newRow("digits in location") << QStringLiteral("NEDSZAJ1") << true;
    QTest::newRow("trimmed") << QStringLiteral("  BSCHESMM ") << true;
    QTest::newRow("lower case") << QStringLiteral("deutdeff") << false;
    QTest::newRow("mixed case") << QStringLiteral("DeutDEFF") << false;
    QTest::newRow("7 characters") << QStringLiteral("DEUTDEF") << false;
    QTest::newRow("9 characters") << QStringLiteral("DEUTDEFF5") << false;
    QTest::newRow("10 characters") << QStringLiteral("DEUTDEFF50") << false;
    QTest::newRow("12 characters") << QStringLiteral("DEUTDEFF5000") << false;
    QTest::newRow("unknown country") << QStringLiteral("DEUTXXFF") << false;
    QTest::newRow("digit in bank code") << QStringLiteral("DEU1DEFF") << false;
    QTest::newRow("digit in country") << QStringLiteral("DEUTD1FF") << false;
    QTest::newRow("symbol in branch") << QStringLiteral("DEUTDEFF5!0") << false;
    QTest::newRow("inner space") << QStringLiteral("DEUT DEFF") << false;
    QTest::newRow("empty") << QString() << false;
}

void ValidationTest::swift()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(validation::isValidSwift(code), valid);
}

void ValidationTest::iban_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("looksLikeIban");
    QTest::addColumn<bool>("valid");

    // Published example IBANs of several registry countries.
    QTest::newRow("DE") << QStringLiteral("DE89 3704 0044 0532 0130 00") << true << true;
    QTest::newRow("GB") << QStringLiteral("GB82 WEST 1234 5698 7654 32") << true << true;
    QTest::newRow("GB compact") << QStringLiteral("GB82WEST12345698765432") << true << true;
    QTest::newRow("GB lower case") << QStringLiteral("gb82 west 1234 5698 7654 32") << true << true;
    QTest::newRow("FR") << QStringLiteral("FR14 2004 1010 0505 0001 3M02 606") << true << true;
    QTest::newRow("ES") << QStringLiteral("ES91 2100 0418 4502 0005 1332") << true << true;
    QTest::newRow("CH") << QStringLiteral("CH93 0076 2011 6238 5295 7") << true << true;
    QTest::newRow("NL") << QStringLiteral("NL91 ABNA 0417 1643 00") << true << true;
    QTest::newRow("NO shortest") << QStringLiteral("NO93 8601 1117 947") << true << true;
    QTest::newRow("BE") << QStringLiteral("BE68 5390 0754 7034") << true << true;
    QTest::newRow("IT") << QStringLiteral("IT60 X054 2811 1010 0000 0123 456") << true << true;
    QTest::newRow("MT") << QStringLiteral("MT84 MALT 0110 0001 2345 MTLC AST0 01S") << true << true;
    QTest::newRow("SA") << QStringLiteral("SA03 8000 0000 6080 1016 7519") << true << true;
    QTest::newRow("BR") << QStringLiteral("BR18 0036 0305 0000 1000 9795 493C 1") << true << true;
    QTest::newRow("LC longest registered") << QStringLiteral("LC55 HEMM 0001 0001 0012 0012 0002 3015") << true << true;

    QTest::newRow("wrong check digits") << QStringLiteral("DE88 3704 0044 0532 0130 00") << true << false;
    QTest::newRow("one digit changed") << QStringLiteral("DE89 3704 0044 0532 0130 01") << true << false;
    QTest::newRow("two digits swapped") << QStringLiteral("GB82 WEST 1234 5698 7654 23") << true << false;
    QTest::newRow("too short for GB") << QStringLiteral("GB82 WEST 1234 5698 7654 3") << true << false;
    QTest::newRow("too long for DE") << QStringLiteral("DE89 3704 0044 0532 0130 000") << true << false;
    QTest::newRow("country without IBAN") << QStringLiteral("US64 SVBK US6S 3300 9673 86") << true << false;
    QTest::newRow("not a country") << QStringLiteral("ZZ89 3704 0044 0532 0130 00") << true << false;
    QTest::newRow("dashes") << QStringLiteral("DE89-3704-0044-0532-0130-00") << false << false;
    QTest::newRow("domestic number") << QStringLiteral("0532013000") << false << false;
    QTest::newRow("letters in check digits") << QStringLiteral("DEXX 3704 0044 0532 0130 00") << false << false;
    QTest::newRow("under 15 characters") << QStringLiteral("NO93 8601 1117 94") << false << false;
    QTest::newRow("over 34 characters") << QStringLiteral("LC55 HEMM 0001 0001 0012 0012 0002 3015 123") << false << false;
    QTest::newRow("empty") << QString() << false << false;
}

void ValidationTest::iban()
{
    QFETCH(QString, number);
    QFETCH(bool, looksLikeIban);
    QFETCH(bool, valid);
    QCOMPARE(validation::looksLikeIban(number), looksLikeIban);
    QCOMPARE(validation::isValidIban(number), valid);
}

void ValidationTest::normalizeIban()
{
    QCOMPARE(validation::normalizeIban(QStringLiteral(" gb82 west 1234\t5698 7654 32 ")),
             QStringLiteral("GB82WEST12345698765432"));
    QCOMPARE(validation::normalizeIban(QString()), QString());
}

void ValidationTest::email_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << QStringLiteral("user@example.com") << true;
    QTest::newRow("dots and plus") << QStringLiteral("first.last+tag@sub.example.co.uk") << true;
    QTest::newRow("apostrophe") << QStringLiteral("o'brien@example.ie") << true;
    QTest::newRow("underscore and hyphen") << QStringLiteral("user_name@example-domain.com") << true;
    QTest::newRow("short") << QStringLiteral("a@b.io") << true;
    QTest::newRow("surrounding spaces") << QStringLiteral(" user@example.com ") << true;
    QTest::newRow("international domain") << QStringLiteral("user@b\u00fccher.de") << true;
    QTest::newRow("international local part") << QStringLiteral("jos\u00e9@example.es") << true;
    QTest::newRow("64 character local part") << QString(64, u'a') + QStringLiteral("@example.com") << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no at") << QStringLiteral("plain") << false;
    QTest::newRow("no local part") << QStringLiteral("@example.com") << false;
    QTest::newRow("no domain") << QStringLiteral("user@") << false;
    QTest::newRow("two ats") << QStringLiteral("user@@example.com") << false;
    QTest::newRow("at in domain") << QStringLiteral("user@exa@mple.com") << false;
    QTest::newRow("single label domain") << QStringLiteral("user@localhost") << false;
    QTest::newRow("trailing dot in local") << QStringLiteral("user.@example.com") << false;
    QTest::newRow("leading dot in local") << QStringLiteral(".user@example.com") << false;
    QTest::newRow("double dot in local") << QStringLiteral("us..er@example.com") << false;
    QTest::newRow("leading hyphen label") << QStringLiteral("user@-example.com") << false;
    QTest::newRow("trailing hyphen label") << QStringLiteral("user@example-.com") << false;
    QTest::newRow("underscore in domain") << QStringLiteral("user@exa_mple.com") << false;
    QTest::newRow("empty label") << QStringLiteral("user@example..com") << false;
    QTest::newRow("trailing dot domain") << QStringLiteral("user@example.com.") << false;
    QTest::newRow("ip address") << QStringLiteral("user@127.0.0.1") << false;
    QTest::newRow("one letter tld") << QStringLiteral("user@example.c") << false;
    QTest::newRow("space inside") << QStringLiteral("user name@example.com") << false;
    QTest::newRow("display name form") << QStringLiteral("User <user@example.com>") << false;
    QTest::newRow("65 character local part") << QString(65, u'a') + QStringLiteral("@example.com") << false;
    QTest::newRow("over 254 characters") << QStringLiteral("a@") + QString(250, u'b') + QStringLiteral(".com") << false;
}

void ValidationTest::email()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(validation::isValidEmail(address), valid);
}

void ValidationTest::invalidEmails_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QStringList>("bad");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("blank") << QStringLiteral("  ") << QStringList();
    QTest::newRow("one") << QStringLiteral("billing@acme.com") << QStringList();
    QTest::newRow("two") << QStringLiteral("a@x.com, b@y.com") << QStringList();
    QTest::newRow("trailing comma") << QStringLiteral("a@x.com,") << QStringList();
    QTest::newRow("empty entries") << QStringLiteral(" , a@x.com ,, ") << QStringList();
    QTest::newRow("bad ones in order") << QStringLiteral("a@x.com, bad, c@y")
                                       << QStringList{QStringLiteral("bad"), QStringLiteral("c@y")};
    QTest::newRow("semicolon is not a separator") << QStringLiteral("a@x.com; b@y.com")
                                                  << QStringList{QStringLiteral("a@x.com; b@y.com")};
}

void ValidationTest::invalidEmails()
{
    QFETCH(QString, list);
    QFETCH(QStringList, bad);
    QCOMPARE(validation::invalidEmails(list), bad);
}

void ValidationTest::phone_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");

    QTest::newRow("compact") << QStringLiteral("+34600123456") << true;
    QTest::newRow("spaces") << QStringLiteral("+34 600 123 456") << true;
    QTest::newRow("dashes") << QStringLiteral("+1-212-555-0100") << true;
    QTest::newRow("mixed separators") << QStringLiteral("+44 20-7946 0958") << true;
    QTest::newRow("6 digits") << QStringLiteral("+123456") << true;
    QTest::newRow("15 digits") << QStringLiteral("+123456789012345") << true;
    QTest::newRow("trimmed") << QStringLiteral(" +34600123456 ") << true;

    QTest::newRow("5 digits") << QStringLiteral("+12345") << false;
    QTest::newRow("16 digits") << QStringLiteral("+1234567890123456") << false;
    QTest::newRow("no plus") << QStringLiteral("34600123456") << false;
    QTest::newRow("national prefix") << QStringLiteral("+034600123") << false;
    QTest::newRow("double space") << QStringLiteral("+34  600123456") << false;
    QTest::newRow("trailing dash") << QStringLiteral("+34600123456-") << false;
    QTest::newRow("space after plus") << QStringLiteral("+ 34600123456") << false;
    QTest::newRow("parentheses") << QStringLiteral("+34(600)123456") << false;
    QTest::newRow("letter") << QStringLiteral("+3460012345a") << false;
    QTest::newRow("plus only") << QStringLiteral("+") << false;
    QTest::newRow("empty") << QString() << false;
}

void ValidationTest::phone()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(validation::isValidPhone(number), valid);
}

QTEST_APPLESS_MAIN(ValidationTest)
#include "tst_validation.moc"
