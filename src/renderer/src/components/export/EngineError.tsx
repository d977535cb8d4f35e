// An engine's refusal under a form. A query that does not parse comes back as a sentence,
// then the query and a caret under the mistake: those lines keep their spacing, in a fixed
// width, so the caret stays under the character it points at.
export function EngineError({ message, testId }: { message: string; testId: string }) {
  const [sentence = '', ...caret] = message.split('\n');
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {sentence}
      {caret.length > 0 && (
        <code className="form-error-caret" data-testid={`${testId}-caret`}>
          {`\n${caret.join('\n')}`}
        </code>
      )}
    </p>
  );
}
