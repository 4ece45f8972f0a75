export { AssemblePage } from './assemble-page';
export { BankPage } from './bank-page';
export { ItemEditorPage } from './item-editor-page';
export { ItemPage } from './item-page';
export { PaperPage } from './paper-page';
export { PapersPage } from './papers-page';
export { ShareQueuePage } from './share-queue-page';
