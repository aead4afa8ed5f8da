/** True when the last digit is the Luhn (mod 10) check digit of the others. */
export function hasValidLuhnCheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * A Swedish organisationsnummer: 10 digits (`5566501796`) or with the customary hyphen
 * (`556650-1796`), whose last digit is the Luhn check digit of the first nine.
 */
export function isValidOrganisationNumber(value: string): boolean {
  const match = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  if (!match) return false;
  return hasValidLuhnCheckDigit(`${match[1]}${match[2]}`);
}
