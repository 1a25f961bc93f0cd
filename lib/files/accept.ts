/** The types the file input offers (a hint for the browser's picker; the server decides by content). */
export const acceptedFileTypes = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
