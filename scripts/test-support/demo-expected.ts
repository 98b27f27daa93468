/** What a user should find after `npm run demo` seeds a data folder: the tests' expectation, written apart from the seed. */
export const demoAccountNames = ['Design review', 'Fabrikam prototypes', 'Field calls', 'Showroom', 'Support chat'];
