namespace MelanomaExp.Acquisition;

public enum DataSourceKind
{
    Kaggle,
    Url,
    ZipFile,
    Folder,
}
