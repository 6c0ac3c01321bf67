export const INPUTS_FILE: string;
export function inputsDigest(root: string): string;
