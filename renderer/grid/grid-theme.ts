import { themeQuartz } from 'ag-grid-community';

/** Chinese system fonts in the order the platforms have them (Windows, macOS, Linux/UOS). */
export const CHINESE_FONTS = ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif'];

/** Dense and calm like a spreadsheet: thin cell borders, compact rows, printed-table header. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: CHINESE_FONTS,
  headerFontFamily: CHINESE_FONTS,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  // Spreadsheet-dense rows (Excel's default is 20 px at 100%) and header lines: at 1280×720 the grid shows 20 rows under the
  // toolbar, the table head, the 表注 line and the findings panel.
  rowHeight: 21,
  headerHeight: 24,
  spacing: 4,
  cellHorizontalPadding: 6,
  borderColor: '#d4d9df',
  columnBorder: { color: '#e2e6ea' },
  headerColumnBorder: { color: '#cfd5db' },
  rowBorder: { color: '#e2e6ea' },
  headerBackgroundColor: '#f1f4f7',
  headerTextColor: '#2d3a46',
  foregroundColor: '#1f2a33',
  accentColor: '#2f6fb3',
  wrapperBorderRadius: 0,
  borderRadius: 0,
  oddRowBackgroundColor: '#ffffff',
  rowHoverColor: '#f5f9fd',
  selectedRowBackgroundColor: '#e8f1fb',
  rangeSelectionBorderColor: '#2f6fb3',
  valueChangeValueHighlightBackgroundColor: '#ffe58a',
});
