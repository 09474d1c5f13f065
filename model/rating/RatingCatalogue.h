#pragma once

#include "RatingTypes.h"

#include <QList>
#include <QString>

namespace backoffice::rating {

// Whether a resource is traffic (counted in messages or segments) or a fee (charged per period or
// once). It decides the quantity rule a node gets when no ancestor sets one.
enum class ResourceKind : quint8 { Message, Fee };

struct ResourceInfo {
    QString key; // "sms-message": the match of a node directly under its domain
    QString label; // "SMS message"
    ResourceKind kind = ResourceKind::Message;
};

struct ServiceDomainInfo {
    QString key; // "sms": the match of a root node
    QString label; // "SMS messaging", as in the resource tree
    QString shortLabel; // "SMS", as in explain traces
    QList<ResourceInfo> resources;
};

// A value with a fixed meaning under a dimension (direction "mt" -> "A2P (MT)").
struct DimensionValueInfo {
    QString key;
    QString label;
};

// The fixed data the rate tree is built from: service domains, their resources, the dimensions a
// node can depend on and the labels of well-known dimension values. Data in code: it changes with
// the engine, not with an installation.
class RatingCatalogue final
{
public:
    static const QList<ServiceDomainInfo> &domains();
    static const ServiceDomainInfo *domain(QStringView key);
    static const ResourceInfo *resource(QStringView domainKey, QStringView resourceKey);

    static QString dimensionLabel(Dimension dimension); // "Direction (MT/MO)"
    // Known values of a dimension; empty for open sets (countries, networks, packs…).
    static const QList<DimensionValueInfo> &dimensionValues(Dimension dimension);
    // True when the dimension's values are a closed list that validation can check (direction).
    static bool isClosedDimension(Dimension dimension);
    // The label of a value: "A2P (MT)" for direction "mt", "Others" for "*", else the value itself.
    static QString valueLabel(Dimension dimension, const QString &value);
    static QString othersLabel();
};

} // namespace backoffice::rating
