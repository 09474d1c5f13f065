#pragma once

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QTimer;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

// Finds a dictionary value of one dimension by incomplete match (GET rating/dimension-values),
// for manual mapping: a search field and the first matches, with Others (*) always offered first.
// Typing is debounced and an answer to an older text is dropped.
class DimensionValueSearch final : public QWidget
{
    Q_OBJECT
public:
    DimensionValueSearch(ApiClient &api, const QString &dimension, QWidget *parent = nullptr);

    QLineEdit *searchBox() const { return m_search; }
    QListWidget *results() const { return m_results; }
    // Searches for text now (no debounce), e.g. the cell text of the value being mapped.
    void search(const QString &text);
    bool isSearching() const { return m_searching; }
    // Emits chosen() for the current result, if there is one.
    void chooseCurrent();

    static constexpr int ResultLimit = 20;

signals:
    // A result was chosen (double click or Enter): the key to map to and its label.
    void chosen(const QString &key, const QString &label);
    void searchFinished();

private:
    void send();

    QPointer<ApiClient> m_api;
    QString m_dimension;
    QLineEdit *m_search;
    QListWidget *m_results;
    QTimer *m_debounce;
    int m_sequence = 0;
    bool m_searching = false;
};

} // namespace backoffice::views
