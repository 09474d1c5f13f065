#pragma once

class QTableView;

namespace backoffice::views {

// A table inside a form's scroll area would get only a few rows' height: makes it as tall as
// `rows` rows (kept between minimum and maximum; more scroll inside the table), with its header,
// frame and horizontal scroll bar.
void fitTableToRows(QTableView *table, int rows, int minimum, int maximum);

} // namespace backoffice::views
