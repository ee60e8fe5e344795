// One labelled <select> of a filter form, with an "any" choice first; works without JavaScript.
export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect(props: {
  label: string;
  name: string;
  anyLabel: string;
  selected: string | undefined;
  options: FilterOption[];
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={props.selected === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
