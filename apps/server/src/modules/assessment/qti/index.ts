/**
 * QTI 3.0 (`imsqtiasi_v3p0`) for the item bank: what the bank's routes call.
 * - `importQti(file, { fileName, defaults })`: an item .xml or a content package .zip → drafts and
 *   the package's pictures, or every error with file, item and line (then write nothing).
 * - `withStoredPictures(draft, storedKey)`: after storing the pictures, point the draft at them.
 * - `pictureKeysOf(drafts)` then `exportQtiPackage(drafts, { pictures })`: the package to download.
 */
export { exportQtiPackage, pictureKeysOf, type QtiExportOptions, type StoredPicture } from './qti-export.ts';
export {
  type ImportedItem,
  importQti,
  MAX_ITEMS,
  type PackagePicture,
  type QtiImportOptions,
  type QtiImportResult,
  type QtiIssue,
  type TagDefaults,
  withStoredPictures,
} from './qti-import.ts';
export { MAX_PACKAGE_BYTES } from './qti-package.ts';
