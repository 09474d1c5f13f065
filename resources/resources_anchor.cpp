// The resource library carries only compiled-in data files; this translation unit gives the static
// library something to hold so every toolchain accepts it.
namespace backoffice { int resourcesAnchor = 0; }
