// asl-validator 4 ships JavaScript without type declarations; this is the part Sluice uses.
declare module 'asl-validator' {
  interface AslValidationResult {
    isValid: boolean;
    errors: { message?: string }[];
    errorsText(separator?: string): string;
  }
  export default function validateAsl(definition: unknown, options?: Record<string, unknown>): AslValidationResult;
}
