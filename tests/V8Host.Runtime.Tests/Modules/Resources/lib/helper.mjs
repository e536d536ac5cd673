export const text = 'embedded helper';
