#pragma once

#include "FieldEditor.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;

namespace backoffice::views {

class DictionaryFieldEditor;

// An instant. When the entity names a zone for it (effectiveFrom + effectiveFromZone) the editor
// shows and edits the wall-clock time in that zone, with the zone beside it, and sends the local
// time plus the zone: the server turns them into UTC with the zone's own DST rules (API "Values").
// Without a zone field it edits in the viewer's zone and sends UTC.
class DateTimeFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    DateTimeFieldEditor(const FieldDescriptor &field, const FieldDescriptor *zoneField, QWidget *parent = nullptr);

    QStringList keys() const override;
    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QDateTimeEdit *dateTimeEdit() const { return m_edit; }
    QComboBox *zoneBox() const;
    QCheckBox *openEndBox() const { return m_open; }

    // The zone used when a record has none yet (new records): the viewer's own if it is an IANA zone.
    static QString defaultZone();

private:
    bool isOpen() const;

    const FieldDescriptor *m_zoneField;
    QDateTimeEdit *m_edit;
    DictionaryFieldEditor *m_zone = nullptr;
    QCheckBox *m_open = nullptr; // optional instants: "indefinitely" / "not set"
    bool m_openMeansEmpty = false;
};

} // namespace backoffice::views
